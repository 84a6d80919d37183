using Microsoft.ML;

namespace SelfTraining.Vision;

/// <summary>
/// The teacher estimator of a run whose teacher is already trained (cached, <see cref="TeacherCache"/>):
/// <see cref="Fit"/> returns that model, so the student is still trained by the library's self-training path. The
/// schema comes from the trainer the model was trained with.
/// </summary>
internal sealed class PretrainedTeacher(IEstimator<ITransformer> trainer, ITransformer model) : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input) => model;

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => trainer.GetOutputSchema(inputSchema);
}
