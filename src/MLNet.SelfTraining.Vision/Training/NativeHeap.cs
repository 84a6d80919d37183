using System.Runtime.InteropServices;

namespace MLNet.SelfTraining.Vision.Training;

/// <summary>
/// Returns freed native memory to the operating system after training. libtorch allocates tensors with glibc's malloc,
/// whose dynamic mmap threshold moves large blocks (a training set, an augmented batch) onto the heap once one was
/// freed; those pages stay resident after the tensors are gone, so each further <c>Fit</c> in a process (a teacher, then
/// one student per self-training round) left the resident set larger (measured: +70–100 MiB per round).
/// <c>malloc_trim(0)</c> releases the free pages of every arena; elsewhere (Windows, macOS, musl) this does nothing.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Releases free native heap pages to the operating system where the C library supports it.</summary>
    public static void Trim()
    {
        if (_unavailable)
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;        // not glibc
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
