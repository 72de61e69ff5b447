export * from './accounts.js';
export * from './foods.js';
export * from './mail.js';
export * from './recipes.js';
