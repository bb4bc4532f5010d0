// Loads one API resource for a page: loading, error or data, and a reload. A newer request
// wins over an older one that answers late (filters changed while a page was loading).
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";

export type Resource<T> =
  | { state: "loading"; data?: T; error?: undefined; reload(): void }
  | { state: "error"; data?: T; error: Error; reload(): void }
  | { state: "ready"; data: T; error?: undefined; reload(): void };

export function useResource<T>(path: string | null): Resource<T> {
  return useAsync<T>(path === null ? null : () => requestApi<T>(path), [path]);
}

/** The same states for any loader (a page that combines several requests); null: load nothing. */
export function useAsync<T>(loader: (() => Promise<T>) | null, deps: unknown[]): Resource<T> {
  const [result, setResult] = useState<{ state: "loading" | "error" | "ready"; data?: T; error?: Error }>({
    state: "loading",
  });
  const generation = useRef(0);
  // The caller's deps say when the loader changes (a new function each render is the same loader).
  const load = useCallback(() => {
    if (loader === null) return;
    const mine = ++generation.current;
    setResult((previous) => ({ state: "loading", data: previous.data }));
    loader().then(
      (data) => mine === generation.current && setResult({ state: "ready", data }),
      (error: Error) =>
        mine === generation.current && setResult((previous) => ({ ...previous, state: "error", error })),
    );
  }, deps);
  useEffect(load, [load]);
  return { ...result, reload: load } as Resource<T>;
}
