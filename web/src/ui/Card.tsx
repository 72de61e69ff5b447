import { type HTMLAttributes, type ReactNode, useId } from 'react';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** Renders a <section> labelled by its heading when given. */
  heading?: ReactNode;
  headingLevel?: 2 | 3;
  headingId?: string;
  description?: ReactNode;
  tone?: 'default' | 'danger' | 'highlight';
  children?: ReactNode;
}

export function Card({ heading, headingLevel = 2, headingId, description, tone = 'default', className, children, ...rest }: CardProps) {
  const generatedId = useId();
  const labelId = headingId ?? generatedId;
  const classes = ['card', tone !== 'default' && `card--${tone}`, className].filter(Boolean).join(' ');
  if (heading === undefined) {
    return (
      <div className={classes} {...rest}>
        {children}
      </div>
    );
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={classes} aria-labelledby={labelId} {...rest}>
      <Heading id={labelId} className="card__heading">
        {heading}
      </Heading>
      {description && <p className="card__description">{description}</p>}
      {children}
    </section>
  );
}
