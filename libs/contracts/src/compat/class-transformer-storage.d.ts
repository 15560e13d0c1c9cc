// The CommonJS storage module of class-transformer ships no declaration of its own (types/storage.d.ts covers it).
declare module 'class-transformer/cjs/storage.js';
