// Public surface of this area (re-exported by src/index.ts).
export {};
