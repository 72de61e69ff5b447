import type { ReactNode } from 'react';
import { usePageTitle } from '../../shell/page-title';
import { Card } from '../../ui';

/** The narrow, single-card layout of the sign-up, log-in and password pages. */
export function AuthLayout({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="narrow stack">
      <header className="page-header">
        <h1>{title}</h1>
        {intro && <p>{intro}</p>}
      </header>
      <Card>{children}</Card>
      {footer && <div className="stack">{footer}</div>}
    </div>
  );
}
