// Keeps one record's failure to that record: a row that throws while rendering says so, the rest of the view stays.
import { Component, type ReactNode } from 'react';

export interface RecordBoundaryProps {
  /** What the record is, in words: "entry", "why", "action item", "question". */
  what: string;
  /** A new value (the record's read-model snapshot, usually) clears the error and tries again. */
  resetKey: unknown;
  /** Wraps the message where the record's own element is required (a table row, a tree item). */
  frame?: (message: ReactNode) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * SPEC 3.4: a client shows any record the server accepted without failing the view. Read
 * models already tolerate odd shapes; this is the last line for what they did not foresee.
 */
export class RecordBoundary extends Component<RecordBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: RecordBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const message = (
      <div className="record-error" role="note" data-testid="record-error">
        This {this.props.what} could not be shown: {error.message}
      </div>
    );
    return this.props.frame ? this.props.frame(message) : message;
  }
}
