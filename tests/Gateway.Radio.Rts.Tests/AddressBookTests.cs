using Gateway.Core.Persistence;
using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts.Tests;

public class AddressBookTests
{
    private const int Base = 0x0A0000;

    [Fact]
    public async Task A_channel_is_never_handed_out_twice_even_after_removal_or_a_failed_pairing()
    {
        var store = new InMemoryRadioSettingsStore();
        var book = new RtsAddressBook(store, Base);
        await book.LoadAsync(default);
        Assert.Equal(1, book.NextChannel());
        Assert.Equal(new RfyAddress(Base + 1, 1), await book.ReserveAsync(1, default));
        await book.MarkAsync(1, "removed", default);
        Assert.Equal(2, book.NextChannel());
        await book.ReserveAsync(2, default);
        await book.MarkAsync(2, "failed", default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => book.ReserveAsync(1, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => book.ReserveAsync(2, default));

        var reloaded = new RtsAddressBook(store, Base);
        await reloaded.LoadAsync(default);
        Assert.Equal(3, reloaded.NextChannel());
        Assert.Equal(["removed", "failed"], reloaded.Channels.Select(c => c.Status));
    }

    [Fact]
    public async Task Addresses_the_transceiver_holds_are_skipped_and_ones_in_the_gateway_block_move_the_counter_past_them()
    {
        var store = new InMemoryRadioSettingsStore();
        var book = new RtsAddressBook(store, Base);
        await book.LoadAsync(default);
        // As after restoring an older backup: the transceiver knows channel 7 of the gateway's block.
        await book.NoteTransceiverRemoteAsync(new RfyAddress(Base + 7, 1), default);
        // Another program's remote right where channel 8 would go.
        await book.NoteTransceiverRemoteAsync(new RfyAddress(Base + 8, 2), default);
        Assert.Equal(8, book.NextChannel());
        await book.NoteTransceiverRemoteAsync(new RfyAddress(Base + 8, 1), default);
        Assert.Equal(9, book.NextChannel());
        await Assert.ThrowsAsync<InvalidOperationException>(() => book.ReserveAsync(3, default));

        var reloaded = new RtsAddressBook(store, Base);
        await reloaded.LoadAsync(default);
        Assert.Equal(9, reloaded.NextChannel());
    }
}
