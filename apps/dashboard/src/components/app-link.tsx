// An in-app link: a real <a href> (open in a new tab, copy the address) routed without a reload.
import type { ComponentChildren } from "preact";
import { followLink } from "../lib/router.js";

export function AppLink({
  href,
  children,
  class: className,
  current,
}: {
  href: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
}) {
  return (
    <a href={href} class={className} onClick={followLink} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}
