// Public API of @pcmig/file-sync (filled by its issue).
export {};
