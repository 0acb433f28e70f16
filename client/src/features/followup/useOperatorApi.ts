// Loads a cross-review resource with the operator token, and tells when the server wants one.
import { useState } from 'react';
import { ApiFailure } from '../../app/api.ts';
import { useApi, type ApiState } from '../report/useApi.ts';
import { loadOperatorToken, saveOperatorToken } from './followupApi.ts';

export interface OperatorApi<T> extends ApiState<T> {
  token: string | null;
  setToken: (token: string | null) => void;
  /** The server answered 401: show the token field. */
  needsToken: boolean;
}

export function useOperatorApi<T>(key: string, load: (token: string | null) => Promise<T>): OperatorApi<T> {
  const [token, setTokenState] = useState(loadOperatorToken);
  const [status, setStatus] = useState(0);
  const state = useApi(`${key}|${token ?? ''}`, () =>
    load(token).then(
      (d) => {
        setStatus(200);
        return d;
      },
      (err: unknown) => {
        setStatus(err instanceof ApiFailure ? err.status : 0);
        throw err;
      },
    ),
  );
  const setToken = (next: string | null): void => {
    saveOperatorToken(next);
    setTokenState(next);
  };
  return { ...state, token, setToken, needsToken: status === 401 };
}
