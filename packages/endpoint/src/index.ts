// Public API of @pcmig/endpoint (filled by its issue).
export {};
