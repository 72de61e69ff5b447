import { useEffect } from 'react';

const APP_NAME = 'Tavola';

/** Sets document.title for the page on screen ("Log in · Tavola"). */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
