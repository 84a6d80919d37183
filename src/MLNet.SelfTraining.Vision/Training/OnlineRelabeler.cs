using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Training;

/// <summary>
/// Student mode's online re-labeling (FixMatch-style): before each step, the network being trained predicts its
/// pseudo-labeled rows on the un-augmented images (eval mode, no gradient); where its top probability reaches the
/// threshold, its own class replaces the teacher's target (a one-hot vector for soft targets). Human rows are untouched.
/// </summary>
internal sealed class OnlineRelabeler
{
    private readonly double _threshold;

    public OnlineRelabeler(double threshold)
    {
        _threshold = threshold;
    }

    /// <summary>Pseudo targets seen so far.</summary>
    public long Seen { get; private set; }

    /// <summary>Pseudo targets replaced by a different class so far.</summary>
    public long Changed { get; private set; }

    /// <param name="network">The network being trained; left in training mode.</param>
    /// <param name="images">All training images (N, C, H, W), un-augmented.</param>
    /// <param name="index">(B) Int64 rows of the batch, the first <paramref name="humanCount"/> human-labeled.</param>
    /// <param name="targets">(B) Int64 class indices or (B, K) probabilities: the teacher's targets.</param>
    /// <param name="humanCount">How many leading rows are human-labeled.</param>
    /// <returns>The targets with the confident pseudo rows replaced.</returns>
    public Tensor Refresh(nn.Module<Tensor, Tensor> network, Tensor images, Tensor index, Tensor targets, int humanCount)
    {
        var rows = index.shape[0];
        if (humanCount == rows)
            return targets;
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
        var confident = confidence.ge(_threshold);
        var teacher = targets.narrow(0, humanCount, rows - humanCount);
        var teacherClass = teacher.dim() == 1 ? teacher : teacher.argmax(1);
        var refreshed = teacher.dim() == 1
            ? where(confident, predicted, teacher)
            : where(confident.unsqueeze(1), nn.functional.one_hot(predicted, teacher.shape[1]).to_type(teacher.dtype), teacher);
        Seen += rows - humanCount;
        Changed += confident.logical_and(predicted.ne(teacherClass)).sum().ToInt64();
        return cat([targets.narrow(0, 0, humanCount), refreshed]).MoveToOuterDisposeScope();
    }
}
