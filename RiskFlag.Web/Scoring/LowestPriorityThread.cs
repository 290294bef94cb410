using System.Runtime.InteropServices;

namespace RiskFlag.Web.Scoring;

/// <summary>
/// A dedicated background thread the operating system runs only when nothing else wants the CPU: work that must never
/// take throughput from requests. .NET's <see cref="Thread.Priority"/> does nothing on Linux, so there the thread puts
/// itself in the SCHED_IDLE class, below even nice 19, which any thread may do without privilege (in a container too);
/// where that is refused it settles for nice 19.
/// </summary>
internal static partial class LowestPriorityThread
{
    private const int LowestNice = 19;
    private const int SchedIdle = 5;

    public static Thread Start(string name, Action work)
    {
        var thread = new Thread(() =>
        {
            Lower();
            work();
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return thread;
    }

    private static void Lower()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            return;
        }

        try
        {
            // A thread id where a process id is asked for sets that one thread's policy or nice value, on Linux.
            var thread = GetThreadId();
            if (SetScheduler(thread, SchedIdle, 0) != 0)
            {
                _ = SetPriority(0, thread, LowestNice);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without gettid (glibc before 2.30, some musl builds): the thread keeps the normal priority.
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    /// <param name="priority">struct sched_param, whose one field is the static priority (0 outside real-time classes).</param>
    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static partial int SetScheduler(int pid, int policy, in int priority);

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
