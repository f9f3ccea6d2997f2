// Public API of @pcmig/cmdlets (filled by its issue).
export {};
