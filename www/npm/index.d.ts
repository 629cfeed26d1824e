// Every entry (index.js for browsers and bundlers, index.node.js for Node) exports the same API.
export * from './api.js';
