using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Heads;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// The two networks of SimCLR, both <see cref="ImageNetwork"/>s with <c>backbone.*</c> and <c>head.*</c> keys: the
/// training network (a backbone and a <see cref="ProjectionHead"/>) and the embedding network the transformer scores with
/// (the same backbone and an <see cref="EmbeddingHead"/>).
/// </summary>
internal static class SimClrNetwork
{
    /// <summary>Builds the training network with weights drawn from TorchSharp's generator.</summary>
    /// <param name="backbone">The backbone.</param>
    /// <param name="hidden">Width of the projection head's hidden layer, or <see langword="null"/> for the backbone's output channels.</param>
    /// <param name="dropoutRate">Dropout before the projection head's last layer.</param>
    /// <param name="projection">Size of the projection.</param>
    public static ImageNetwork CreateTraining(BackboneSpec backbone, int? hidden, double dropoutRate, int projection)
    {
        var features = BackboneFactory.Create(backbone);
        var head = new ProjectionHead(features.OutputChannels, hidden ?? features.OutputChannels, dropoutRate, projection);
        return new ImageNetwork(nameof(SimClrNetwork), features, head);
    }

    /// <summary>Builds the embedding network of <paramref name="backbone"/> (its weights are drawn; load or copy them).</summary>
    public static ImageNetwork CreateEmbedding(BackboneSpec backbone) =>
        new(nameof(SimClrNetwork), BackboneFactory.Create(backbone), new EmbeddingHead());

    /// <summary>The embedding network with a copy of <paramref name="trained"/>'s backbone (weights and batch-norm
    /// statistics), in eval mode.</summary>
    public static ImageNetwork Embedding(ImageNetwork trained)
    {
        var embedding = CreateEmbedding(trained.Backbone.Spec);
        embedding.Backbone.load_state_dict(trained.Backbone.state_dict());
        embedding.eval();
        return embedding;
    }
}
