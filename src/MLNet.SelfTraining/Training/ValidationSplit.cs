using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// One way of validating a run: which labeled training rows it trains on (<see langword="null"/>: all) and which rows
/// it is measured on (<see cref="Data"/>'s rows kept by <see cref="Validates"/>, labels in <see cref="LabelColumn"/>).
/// </summary>
internal sealed record ValidationSplit(Func<long, bool>? TrainsOn, IDataView Data, string LabelColumn, Func<long, bool> Validates, bool EveryClass);
