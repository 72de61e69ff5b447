export * from './accounts.js';
export * from './foods.js';
export * from './mail.js';
export * from './recipes.js';
export * from './search.js';
export * from './social.js';
export * from './wine-knowledge.js';
