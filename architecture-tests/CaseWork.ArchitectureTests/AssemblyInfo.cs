// Mono.Cecil reads metadata lazily and is not thread-safe; the rules share loaded assemblies, and the whole suite runs
// in a few seconds, so the tests run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
