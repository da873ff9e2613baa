using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Lets the recursive checker handle the tallest expressions the parser accepts on any thread: when the
/// current stack runs low, the work continues on a fresh thread with a large stack.
/// </summary>
internal static class StackGuard
{
    private const int LargeStackBytes = 64 * 1024 * 1024;

    /// <summary>True while the current thread has stack to spare for another level of recursion.</summary>
    public static bool HasRoom() => RuntimeHelpers.TryEnsureSufficientExecutionStack();

    /// <summary>Runs <paramref name="work"/> on a new thread with a large stack and returns its result.</summary>
    public static T OnLargeStack<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            LargeStackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
