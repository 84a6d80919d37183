using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SelfTraining.Vision;

/// <summary>
/// The teacher estimator of a segmentation run whose teacher is already trained (cached, <see cref="TeacherCache"/>):
/// <see cref="Fit"/> returns that model, so the student is still trained by the library's self-training path. The
/// schema comes from the trainer the model was trained with.
/// </summary>
internal sealed class PretrainedTeacher(TorchImageSegmenterTrainer trainer, TorchImageSegmenterTransformer model) : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input) => model;

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => trainer.GetOutputSchema(inputSchema);
}
