// The CUDA tests count live native tensors and share one GPU: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
