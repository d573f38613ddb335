/** Small inline icons (no icon font, no remote assets). Decorative: the buttons carrying them have text labels. */

const paths = {
  plus: 'M8 3v10M3 8h10',
  scan: 'M2 5V2h3M11 2h3v3M14 11v3h-3M5 14H2v-3M4 8h8',
  // A cog: eight teeth around a hub (the old rays around a circle read as a sun, i.e. light/dark mode).
  settings:
    'M6.9 1.5h2.2l.4 1.8 1.2.5 1.6-1 1.5 1.5-1 1.6.5 1.2 1.8.4v2.2l-1.8.4-.5 1.2 1 1.6-1.5 1.5-1.6-1-1.2.5-.4 1.8H6.9l-.4-1.8-1.2-.5-1.6 1-1.5-1.5 1-1.6-.5-1.2-1.8-.4V6.9l1.8-.4.5-1.2-1-1.6 1.5-1.5 1.6 1 1.2-.5zM8 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  back: 'M10 3L5 8l5 5',
  copy: 'M5 5V2.5h8.5V11H11M2.5 5H11v8.5H2.5z',
  external: 'M9 2.5h4.5V7M13.5 2.5L7 9M11 9.5v4H2.5V5h4',
  refresh: 'M13 3v3.5H9.5M3 13V9.5h3.5M12.6 6.5A5 5 0 0 0 3.8 5M3.4 9.5a5 5 0 0 0 8.8 1.5',
  archive: 'M2 3h12v3H2zM3 6v7h10V6M6.5 9h3',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4',
  search: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM10.2 10.2L14 14',
  alert: 'M8 2L1.5 13.5h13zM8 6.5v3.5M8 11.6v.4',
  box: 'M2 5l6-3 6 3v6l-6 3-6-3zM2 5l6 3 6-3M8 8v6',
  close: 'M3.5 3.5l9 9M12.5 3.5l-9 9',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
