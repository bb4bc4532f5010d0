// A plain table for the smaller pages: a caption, header cells with scope, one row per item.
import type { ComponentChildren } from "preact";
import { useText } from "../i18n/use-text.js";

export interface Column<T> {
  label: string;
  render(item: T): ComponentChildren;
  numeric?: boolean;
}

export function DataTable<T>({
  caption,
  columns,
  items,
  rowKey,
}: {
  caption: string;
  columns: Column<T>[];
  items: T[];
  rowKey?(item: T, index: number): string;
}) {
  const { t } = useText();
  if (items.length === 0) return <p>{t("empty")}</p>;
  return (
    <div class="table-wrap">
      <table class="list">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" class={column.numeric ? "num" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={rowKey ? rowKey(item, index) : ((item as { id?: string }).id ?? String(index))}>
              {columns.map((column) => (
                <td key={column.label} class={column.numeric ? "num" : undefined}>
                  {column.render(item)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
