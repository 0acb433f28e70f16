// Catches render errors so one broken view says what happened instead of a blank page.
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="centered" role="alert">
        <div className="card">
          <h2>Something went wrong in this view</h2>
          <p className="muted">{this.state.error.message}</p>
          <p>Your edits are saved in this browser. Reload the page to continue.</p>
          <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
