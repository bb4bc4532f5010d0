// A download link to one of the API's CSV answers (`?format=csv`). A GET carries the session
// cookie, the API sets the file name, and the browser saves the stream without the page holding it.
import type { ComponentChildren } from "preact";

export function CsvLink({ href, fileName, children }: { href: string; fileName: string; children: ComponentChildren }) {
  return (
    <a class="button secondary" href={href} download={fileName}>
      {children}
    </a>
  );
}
