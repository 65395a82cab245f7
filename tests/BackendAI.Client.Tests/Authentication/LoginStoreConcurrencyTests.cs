using BackendAI.Client.Authentication;
using static BackendAI.Client.Tests.Authentication.LoginStoreSandbox;

namespace BackendAI.Client.Tests.Authentication;

public sealed class LoginStoreConcurrencyTests : IDisposable
{
    private readonly LoginStoreSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Writers_with_separate_stores_saving_at_once_never_lose_each_others_logins()
    {
        const int Writers = 8;
        var lists = Enumerable.Range(0, Writers)
            .Select(i => new[] { new Uri($"http://10.0.0.{i}:8090/") })
            .ToArray();
        using var step = new Barrier(Writers);

        // Every round all writers save together, then each checks that its own login survived the others.
        var writers = lists.Select((endpoints, i) => Task.Factory.StartNew(
            () =>
            {
                var store = sandbox.NewStore(TimeSpan.FromMinutes(1));
                try
                {
                    for (var round = 0; round < 20; round++)
                    {
                        step.SignalAndWait();
                        store.Save(endpoints, Login($"cookie-{i}-{round}"));
                        step.SignalAndWait();
                        Assert.Equal($"cookie-{i}-{round}", store.Load(endpoints)?.CookieValue);
                    }
                }
                finally
                {
                    // A writer that stops early must not leave the others waiting for it.
                    step.RemoveParticipant();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        await Task.WhenAll(writers);

        var reader = sandbox.NewStore();
        for (var i = 0; i < Writers; i++)
        {
            Assert.Equal($"cookie-{i}-19", reader.Load(lists[i])?.CookieValue);
        }
    }

    [Fact]
    public async Task Savers_and_deleters_of_one_list_interleave_without_breaking_the_file()
    {
        var workers = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            var store = sandbox.NewStore(TimeSpan.FromMinutes(1));
            for (var round = 0; round < 15; round++)
            {
                if (i % 2 == 0)
                {
                    store.Save([WebA], Login($"cookie-{i}-{round}"));
                }
                else
                {
                    store.Delete([WebA]);
                }

                store.Load([WebA]);
            }
        }));
        await Task.WhenAll(workers);

        var store = sandbox.NewStore();
        store.Save([WebB], Login());
        Assert.NotNull(store.Load([WebB]));
    }

    [Fact]
    public void A_lock_held_elsewhere_makes_a_save_wait_and_then_fail_naming_the_lock_file()
    {
        var store = sandbox.NewStore(TimeSpan.FromMilliseconds(100));
        store.Save([WebA], Login());

        using (new FileStream(store.FilePath + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var error = Assert.Throws<LoginStoreException>(() => store.Save([WebA], Login("blocked")));
            Assert.Contains($"'{store.FilePath}.lock'", error.Message, StringComparison.Ordinal);
        }

        store.Save([WebA], Login("after"));
        Assert.Equal("after", store.Load([WebA])?.CookieValue);
    }
}
