export { analyze } from './pipeline.js';
export * from './model.js';
export { renderHtml } from './render/html.js';
export { renderMarkdown } from './render/markdown.js';
export { renderJson } from './render/json.js';
