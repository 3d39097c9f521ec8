// The app's button: big touch target (>= 44 px), primary/secondary/danger looks, and a link
// form for navigation so routes stay real links.
import type { ComponentChildren, JSX } from 'preact';

type Look = 'primary' | 'secondary' | 'danger' | 'big';

interface Props extends Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'type'> {
  look?: Look;
  type?: 'button' | 'submit';
  disabled?: boolean;
  children: ComponentChildren;
}

/** A button with a 44 px minimum touch target. */
export function Button({ look = 'secondary', type = 'button', class: cls, children, ...rest }: Props) {
  return (
    <button type={type} class={`btn btn-${look}${cls ? ` ${cls}` : ''}`} {...rest}>
      {children}
    </button>
  );
}

interface LinkProps {
  href: string;
  look?: Look;
  children: ComponentChildren;
}

/** A link that looks like a button (navigation between screens). */
export function LinkButton({ href, look = 'secondary', children }: LinkProps) {
  return (
    <a href={href} class={`btn btn-${look}`}>
      {children}
    </a>
  );
}
