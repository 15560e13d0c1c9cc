import type { CSSProperties } from 'react';

/** The few styles the dealer pages add to Pico, inline: the console has one global stylesheet, and component tests load no CSS. */
export const overdueRow: CSSProperties = { boxShadow: 'inset 4px 0 0 var(--pico-del-color)' };
export const plainList: CSSProperties = { listStyle: 'none', padding: 0, margin: 0 };
export const issueNote: CSSProperties = { display: 'block', color: 'var(--pico-del-color)' };
