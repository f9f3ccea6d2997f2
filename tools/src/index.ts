// Public API of @pcmig/tools: the deterministic data generator.
export { generateDeployment, TARGET_ACTIVITY } from './generator/generate-deployment.js';
export { GENERATE_ACTIVITY } from './generator/generate-legacy.js';
export { generatorErrors, type GeneratorErrorId } from './generator/errors.js';
export {
  DEFAULT_CUTOFF,
  DEFAULT_SEED,
  PLANT_KNOBS,
  defaultPlant,
  resolveOptions,
  type GenerateOptions,
  type PlantOptions,
  type ResolvedOptions,
  type TargetFill,
  type TargetOptions,
} from './generator/options.js';
export { SIZES, SIZE_NAMES, isSizeName, resolveSize, type SizeName, type SizeSpec } from './generator/sizes.js';
export { HISTORY_END_ISO, HISTORY_START_ISO } from './generator/timeline.js';
export { Random, ZipfPicker, apportion } from './generator/random.js';
export { FOREIGN_FOREST } from './generator/build-membership.js';
export { FOREST, LOOKUP_ACCOUNT, SIP_DOMAIN } from './generator/build-directory.js';
export { LEGACY_POOL_FQDN, TARGET_POOL_FQDN, chatServerAddress, legacyFileStoreUri } from './generator/build-topology.js';
export type * from './generator/directory-types.js';
export type * from './generator/topology-types.js';
export type * from './generator/result-types.js';
