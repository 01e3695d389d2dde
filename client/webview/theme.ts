// Chart colours from the editor's theme: VS Code sets its colours as CSS variables on the webview's body, and
// switches a body class between light, dark and high-contrast themes.

export interface ThemeColours {
  foreground: string;
  muted: string;
  background: string;
  border: string;
  /** One colour per series, from the theme's chart palette. */
  series: string[];
  font: string;
}

const SERIES_VARIABLES: [string, string][] = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-yellow', '#cca700'],
];

export function themeColours(): ThemeColours {
  const style = getComputedStyle(document.body);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    foreground: read('--vscode-foreground', '#cccccc'),
    muted: read('--vscode-descriptionForeground', '#999999'),
    background: read('--vscode-editor-background', '#1e1e1e'),
    border: read('--vscode-panel-border', '#80808059'),
    series: SERIES_VARIABLES.map(([name, fallback]) => read(name, fallback)),
    font: read('--vscode-font-family', 'sans-serif'),
  };
}

/** Calls `listener` when the editor switches theme (the body's class changes). */
export function onThemeChange(listener: () => void): void {
  new MutationObserver(listener).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
