import type { CSSProperties } from 'react';

/** The few styles the dealer pages add to Pico, inline: the console has one global stylesheet, and component tests load no CSS. */
/** On a row's first cell: Pico paints the cells, so a row's own background or shadow would not show. */
export const overdueCell: CSSProperties = { boxShadow: 'inset 4px 0 0 var(--pico-del-color)' };
export const plainList: CSSProperties = { listStyle: 'none', padding: 0, margin: 0 };
export const plainItem: CSSProperties = { listStyle: 'none' };
export const pager: CSSProperties = { display: 'flex', gap: '1rem', alignItems: 'center' };
export const issueNote: CSSProperties = { display: 'block', color: 'var(--pico-del-color)' };
