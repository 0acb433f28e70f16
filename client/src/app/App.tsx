// The app shell (placeholder until the editor lands).
export function App() {
  return (
    <main>
      <h1>Hindsight</h1>
      <p>Incident learning reviews, rebuilt together.</p>
    </main>
  );
}
