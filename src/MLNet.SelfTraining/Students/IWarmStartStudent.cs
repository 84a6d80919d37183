using Microsoft.ML;

namespace MLNet.SelfTraining.Students;

/// <summary>
/// Implemented by student trainers that can start training from the parameters of an earlier model instead of from
/// scratch. Starting the student from its teacher goes beyond Zoph et al. 2020, whose students start like the setting
/// under study (random or pre-trained weights), and beyond Noisy Student, whose code starts students from scratch.
/// </summary>
/// <remarks>
/// With <see cref="SelfTrainingOptions.InitializeStudentFromTeacher"/>, the self-training estimator calls
/// <see cref="StartFrom"/> on the last estimator of the student pipeline before each round's student is fitted, with that
/// round's teacher (the first teacher, then the previous round's student), and disposes the returned scope once the
/// student is trained. A trainer implementing this interface is therefore not safe to fit from two threads at once while
/// a scope is open.
/// </remarks>
public interface IWarmStartStudent
{
    /// <summary>Makes the trainer's fits start from the parameters of its own kind of model inside <paramref name="teacher"/>.</summary>
    /// <param name="teacher">A fitted pipeline (or a single transformer) that contains a model this trainer produced.</param>
    /// <returns>A scope; disposing it restores the trainer's configured starting point.</returns>
    /// <exception cref="ArgumentException"><paramref name="teacher"/> holds no model this trainer can start from.</exception>
    IDisposable StartFrom(ITransformer teacher);
}
