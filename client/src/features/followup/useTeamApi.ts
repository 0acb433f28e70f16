// Loads a cross-review resource with the team link's token, and tells when the server wants one.
import { useEffect, useState } from 'react';
import { ApiFailure } from '@hindsight/api';
import { useApi, type ApiState } from '../report/useApi.ts';
import { loadTeamToken, saveTeamToken } from './followupApi.ts';

export interface TeamApi<T> extends ApiState<T> {
  token: string | null;
  setToken: (token: string | null) => void;
  /** The server refused the token (401 missing or unknown, 403 revoked): show the team link page. */
  needsToken: boolean;
}

export function useTeamApi<T>(key: string, load: (token: string | null) => Promise<T>): TeamApi<T> {
  const [token, setTokenState] = useState(loadTeamToken);
  const [status, setStatus] = useState(0);
  // A team link pasted into the address bar on this page only changes the fragment: take its token.
  useEffect(() => {
    const onHash = (): void => {
      if (location.hash) setTokenState(loadTeamToken());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
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
    saveTeamToken(next);
    setTokenState(next);
  };
  return { ...state, token, setToken, needsToken: status === 401 || status === 403 };
}
