namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Builds training batches from human-labeled and pseudo-labeled rows at a fixed ratio, each stream shuffled
/// independently and cycled when exhausted (so the smaller human set repeats). Without pseudo-labeled rows it is a
/// plain shuffled sampler over the human rows (with batches no larger than the set).
/// </summary>
/// <remarks>In student mode the batch split follows the ratio even when a set is smaller than its share of a batch; such a
/// batch then holds some rows twice.</remarks>
internal sealed class MixedBatchSampler
{
    private readonly int[] _humanRows;
    private readonly int[] _pseudoRows;
    private readonly CyclicSampler _human;
    private readonly CyclicSampler? _pseudo;

    /// <param name="humanRows">Indices of the human-labeled rows (at least one).</param>
    /// <param name="pseudoRows">Indices of the pseudo-labeled rows (may be empty).</param>
    /// <param name="batchSize">Rows per batch.</param>
    /// <param name="pseudoPerHuman">Pseudo-labeled rows per human-labeled row in a batch (1 gives 1:1).</param>
    /// <param name="seed">Seed of the shuffles.</param>
    public MixedBatchSampler(int[] humanRows, int[] pseudoRows, int batchSize, double pseudoPerHuman, int seed)
    {
        _humanRows = humanRows;
        _pseudoRows = pseudoRows;
        var random = new Random(seed);
        _human = new CyclicSampler(humanRows.Length, random);
        if (pseudoRows.Length == 0)
        {
            HumanBatchSize = Math.Min(batchSize, humanRows.Length);
            StepsPerEpoch = (humanRows.Length + HumanBatchSize - 1) / HumanBatchSize;
            return;
        }
        _pseudo = new CyclicSampler(pseudoRows.Length, random);
        var pseudoShare = (int)Math.Round(batchSize * pseudoPerHuman / (1 + pseudoPerHuman));
        PseudoBatchSize = Math.Clamp(pseudoShare, 1, batchSize - 1);
        HumanBatchSize = batchSize - PseudoBatchSize;
        StepsPerEpoch = (pseudoRows.Length + PseudoBatchSize - 1) / PseudoBatchSize;
    }

    /// <summary>Human-labeled rows per batch.</summary>
    public int HumanBatchSize { get; }

    /// <summary>Pseudo-labeled rows per batch (0 in supervised mode).</summary>
    public int PseudoBatchSize { get; }

    /// <summary>Batches per epoch: one pass over the pseudo-labeled rows, or over the human rows when there are none.</summary>
    public int StepsPerEpoch { get; }

    /// <summary>
    /// Returns the row indices of the next batch: the first <see cref="HumanBatchSize"/> are human-labeled, the remaining
    /// <see cref="PseudoBatchSize"/> pseudo-labeled.
    /// </summary>
    public int[] NextBatch()
    {
        var batch = new int[HumanBatchSize + PseudoBatchSize];
        var human = _human.Next(HumanBatchSize);
        for (var i = 0; i < human.Length; i++)
        {
            batch[i] = _humanRows[human[i]];
        }

        if (_pseudo is not null)
        {
            var pseudo = _pseudo.Next(PseudoBatchSize);
            for (var i = 0; i < pseudo.Length; i++)
            {
                batch[HumanBatchSize + i] = _pseudoRows[pseudo[i]];
            }
        }
        return batch;
    }
}
