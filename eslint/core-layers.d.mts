/** Types of eslint/core-layers.mjs, for the test that reads its table. */
export declare const coreLayers: ReadonlyArray<ReadonlyArray<string>>
declare const plugin: { readonly rules: { readonly layers: unknown } }
export default plugin
