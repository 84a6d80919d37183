using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Student mode's online re-labeling (FixMatch-style): before each step, the network being trained (or its weight
/// average, a mean teacher) predicts its pseudo-labeled rows on the un-augmented images (eval mode, no gradient);
/// where its top probability reaches the threshold, its own class replaces the teacher's target (a one-hot vector for
/// soft targets). Below the threshold the teacher's target stays, or, with masking, the row leaves the loss (FixMatch's
/// confidence mask). Human rows are untouched.
/// </summary>
internal sealed class OnlineRelabeler
{
    private readonly double _threshold;
    private readonly bool _mask;

    /// <param name="threshold">The network's top probability from which its own class becomes the target.</param>
    /// <param name="mask">Whether pseudo rows below the threshold get weight 0 instead of keeping the teacher's target.</param>
    public OnlineRelabeler(double threshold, bool mask)
    {
        _threshold = threshold;
        _mask = mask;
    }

    /// <summary>Pseudo targets seen so far.</summary>
    public long Seen { get; private set; }

    /// <summary>Pseudo targets replaced by a different class so far.</summary>
    public long Changed { get; private set; }

    /// <summary>Pseudo rows left out of the loss so far (masking only).</summary>
    public long Masked { get; private set; }

    /// <param name="network">The network that labels: the one being trained, or its weight average; left in training mode.</param>
    /// <param name="images">All training images (N, C, H, W), un-augmented.</param>
    /// <param name="index">(B) Int64 rows of the batch, the first <paramref name="humanCount"/> human-labeled.</param>
    /// <param name="targets">(B) Int64 class indices or (B, K) probabilities: the teacher's targets.</param>
    /// <param name="humanCount">How many leading rows are human-labeled.</param>
    /// <returns>The targets with the confident pseudo rows replaced, and with masking the (B) Float32 weights that leave
    /// the unconfident pseudo rows out (1 elsewhere); otherwise <see langword="null"/> weights.</returns>
    public (Tensor Targets, Tensor? Keep) Refresh(nn.Module<Tensor, Tensor> network, Tensor images, Tensor index, Tensor targets, int humanCount)
    {
        var rows = index.shape[0];
        if (humanCount == rows)
        {
            return (targets, null);
        }

        using var scope = NewDisposeScope();
        var pseudoRows = index.narrow(0, humanCount, rows - humanCount);
        Tensor probabilities;
        using (no_grad())
        {
            network.eval();
            probabilities = nn.functional.softmax(network.forward(images.index_select(0, pseudoRows)), 1);
            network.train();
        }
        var (confidence, predicted) = probabilities.max(1);
        using var threshold = _threshold.ToScalar();
        var confident = confidence.ge(threshold);
        var teacher = targets.narrow(0, humanCount, rows - humanCount);
        var teacherClass = teacher.dim() == 1 ? teacher : teacher.argmax(1);
        var refreshed = teacher.dim() == 1
            ? where(confident, predicted, teacher)
            : where(confident.unsqueeze(1), nn.functional.one_hot(predicted, teacher.shape[1]).to_type(teacher.dtype), teacher);
        Seen += rows - humanCount;
        Changed += TensorValues.Long(confident.logical_and(predicted.ne(teacherClass)).sum());
        Tensor? keep = null;
        if (_mask)
        {
            Masked += TensorValues.Long(confident.logical_not().sum());
            keep = cat([ones(humanCount, dtype: ScalarType.Float32), confident.to_type(ScalarType.Float32)]).MoveToOuterDisposeScope();
        }
        return (cat([targets.narrow(0, 0, humanCount), refreshed]).MoveToOuterDisposeScope(), keep);
    }
}
