using Airlock.Core.Storage;
using Airlock.Storage.Sqlite;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests.Sqlite;

/// <summary>The storage contract against SQLite on a fresh temp directory per test.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempDirectory directory = new();

    protected override Task<IAirlockStore> CreateStoreAsync() =>
        Task.FromResult<IAirlockStore>(SqliteAirlockStore.Open(directory.Path));

    protected override ValueTask CleanUpAsync()
    {
        directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
