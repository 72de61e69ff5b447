import type { GrapeColour } from '@tavola/contracts/wine-knowledge';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { apiClient, request } from '../../api/http-client';

/** TanStack Query hooks for the wine knowledge base (public, read-only; it changes rarely). */

export const wineKeys = {
  countries: ['wine', 'regions', 'countries'] as const,
  region: (id: string) => ['wine', 'regions', id] as const,
  grapes: (colour: GrapeColour | undefined, q: string) => ['wine', 'grapes', 'list', colour ?? 'all', q] as const,
  grape: (id: string) => ['wine', 'grapes', id] as const,
  classifications: ['wine', 'classifications'] as const,
  classification: (id: string) => ['wine', 'classifications', id] as const,
  tastingGuide: ['wine', 'tasting-guide'] as const,
};

/** Shipped facts: kept fresh for ten minutes. */
const staleTime = 10 * 60_000;
/** A missing entry (or an id that is not a slug) is an expected answer, shown as its own page rather than a toast. */
const quietNotFound = { silent: true };

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.code === 'validation_failed');
}

export function useCountries() {
  return useQuery({
    queryKey: wineKeys.countries,
    queryFn: ({ signal }) =>
      request(() =>
        apiClient.GET('/api/wine/regions', {
          params: { query: { limit: 500 } },
          signal,
        }),
      ),
    staleTime,
  });
}

export function useRegion(id: string) {
  return useQuery({
    queryKey: wineKeys.region(id),
    queryFn: ({ signal }) =>
      request(() =>
        apiClient.GET('/api/wine/regions/{id}', {
          params: { path: { id } },
          signal,
        }),
      ),
    staleTime,
    meta: quietNotFound,
  });
}

export function useGrapes(colour: GrapeColour | undefined, q: string) {
  return useQuery({
    queryKey: wineKeys.grapes(colour, q),
    queryFn: ({ signal }) =>
      request(() =>
        apiClient.GET('/api/wine/grapes', {
          params: {
            query: {
              limit: 500,
              ...(colour ? { colour } : {}),
              ...(q ? { q } : {}),
            },
          },
          signal,
        }),
      ),
    staleTime,
    placeholderData: keepPreviousData,
  });
}

export function useGrape(id: string) {
  return useQuery({
    queryKey: wineKeys.grape(id),
    queryFn: ({ signal }) =>
      request(() =>
        apiClient.GET('/api/wine/grapes/{id}', {
          params: { path: { id } },
          signal,
        }),
      ),
    staleTime,
    meta: quietNotFound,
  });
}

export function useClassifications() {
  return useQuery({
    queryKey: wineKeys.classifications,
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/wine/classifications', { signal })),
    staleTime,
  });
}

export function useClassification(id: string) {
  return useQuery({
    queryKey: wineKeys.classification(id),
    queryFn: ({ signal }) =>
      request(() =>
        apiClient.GET('/api/wine/classifications/{id}', {
          params: { path: { id } },
          signal,
        }),
      ),
    staleTime,
    meta: quietNotFound,
  });
}

export function useTastingGuide() {
  return useQuery({
    queryKey: wineKeys.tastingGuide,
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/wine/tasting-guide', { signal })),
    staleTime,
  });
}
