export const HIGHLIGHT_PARAM = 'highlight';
