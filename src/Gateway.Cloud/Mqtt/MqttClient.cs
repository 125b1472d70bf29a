using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Mqtt;

/// <summary>
/// One MQTT connection through libmosquitto. Its network loop is this client's own thread (not mosquitto_loop_start):
/// it polls libmosquitto's socket, hands queued publishes to libmosquitto and reads their PUBACKs, so publishing and
/// acknowledging never contend for a lock and nothing wakes libmosquitto through its socket pair. It reconnects by
/// itself with jittered exponential delays and keeps the session (fixed client id, clean session off). Publishes are
/// QoS 1; each one is answered, in the order it was published, with its PUBACK's reason code (0, or 0x80 and up when
/// the broker refused it; <see cref="MqttReasonCode.NotSent"/> and up when libmosquitto refused to send it).
/// </summary>
public sealed unsafe class MqttClient : IDisposable
{
    private const int MiscInterval = 1000;
    // Fewer messages in flight than this is a trickle (quick ACKs help); more is a backlog (corking helps).
    private const int TrickleBelow = 32;
    private MqttClientOptions _options;
    private readonly IMqttClientObserver _observer;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<OutgoingPublish> _outgoing = new();
    // Owned by the loop thread: what libmosquitto has, in publish order, and the rare PUBACK that overtook its elders.
    private readonly Queue<OutgoingPublish> _inflight = new();
    private readonly Dictionary<int, int> _earlyAcks = [];
    private readonly Dictionary<string, byte[]> _topics = new(StringComparer.Ordinal);
    private ReconnectBackoff _backoff;
    private GCHandle _self;
    private MosquittoHandle? _handle;
    private WakeSignal? _wake;
    private volatile int _protocol;
    private volatile bool _connected;
    private volatile bool _stopping;
    private int _sleeping;
    private int _pending;
    private int _disposed;
    private int _refusalLogged;
    private Thread? _loop;

    public MqttClient(MqttClientOptions options, IMqttClientObserver observer, ILogger logger)
    {
        _options = options;
        _observer = observer;
        _logger = logger;
        _protocol = options.PreferMqtt5 ? MosquittoNative.ProtocolV5 : MosquittoNative.ProtocolV311;
        _backoff = new ReconnectBackoff(options.ReconnectDelaySeconds, options.ReconnectMaxSeconds);
    }

    public bool IsConnected => _connected;

    /// <summary>5 for MQTT 5, 4 for 3.1.1 (after a broker refused MQTT 5).</summary>
    public int ProtocolVersion => _protocol;

    /// <summary>Publishes that have not had their PUBACK yet (queued or sent).</summary>
    public int PendingCount => Volatile.Read(ref _pending);

    /// <summary>
    /// Configures the client and starts its network thread, which connects in the background; a broker that is down is
    /// retried. <paramref name="options"/> replaces the constructor's, for a broker that was only known later (provisioning).
    /// </summary>
    public void Start(MqttClientOptions? options = null)
    {
        MosquittoLibrary.EnsureLoadable();
        if (_handle is not null) throw new InvalidOperationException("already started");
        if (options is not null)
        {
            _options = options;
            _backoff = new ReconnectBackoff(options.ReconnectDelaySeconds, options.ReconnectMaxSeconds);
        }
        _self = GCHandle.Alloc(this);
        var handle = MosquittoNative.New(_options.ClientId, cleanSession: false, GCHandle.ToIntPtr(_self));
        if (handle.IsInvalid)
        {
            _self.Free();
            throw new MqttException("mosquitto_new", 3, "invalid client id or out of memory");
        }
        try
        {
            Check("protocol version", MosquittoNative.IntOption(handle, MosquittoNative.OptionProtocolVersion, _protocol));
            Check("max inflight", MosquittoNative.MaxInflightMessagesSet(handle, (uint)MaxInflight));
            // A lone change goes out at once instead of waiting behind Nagle for the broker's ACK; batches are corked.
            Check("TCP_NODELAY", MosquittoNative.IntOption(handle, MosquittoNative.OptionTcpNoDelay, 1));
            if (_options.Username is not null)
                Check("username", MosquittoNative.UsernamePwSet(handle, _options.Username, _options.Password));
            if (_options.UseTls)
                Check("TLS", MosquittoNative.TlsSet(handle, _options.CaFile, _options.CaFile is null ? "/etc/ssl/certs" : null,
                    _options.CertFile, _options.KeyFile, 0));
            if (_options.Will is { } will)
                fixed (byte* payload = will.Payload)
                    Check("will", MosquittoNative.WillSet(handle, will.Topic, will.Payload.Length, payload, 1, will.Retain));
            MosquittoNative.ConnectWithFlagsCallbackSet(handle, &OnConnectNative);
            MosquittoNative.DisconnectCallbackSet(handle, &OnDisconnectNative);
            MosquittoNative.PublishV5CallbackSet(handle, &OnPublishNative);
            MosquittoNative.MessageCallbackSet(handle, &OnMessageNative);
            _wake = WakeSignal.Create();
        }
        catch
        {
            handle.Dispose();
            _self.Free();
            throw;
        }
        _handle = handle;
        _loop = new Thread(() => Run(handle)) { IsBackground = true, Name = "mqtt-loop" };
        _loop.Start();
    }

    private int MaxInflight => Math.Max(1, _options.MaxInflight);

    private void Run(MosquittoHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            RunLoop(handle, handle.DangerousGetHandle());
        }
        catch (Exception ex)
        {
            LogCallbackFailure(ex);
        }
        finally
        {
            _connected = false;
            if (added) handle.DangerousRelease();
        }
    }

    /// <summary>Connects, serves the link until it drops, waits a jittered delay, reconnects; on stop, disconnects cleanly.</summary>
    private void RunLoop(MosquittoHandle handle, nint mosq)
    {
        var connectedOnce = false;
        var logged = false;
        while (!_stopping)
        {
            // A first connect sets host, port and properties; libmosquitto reuses them for every reconnect.
            var rc = connectedOnce ? MosquittoNative.Reconnect(mosq) : Connect(handle);
            if (rc == MosquittoNative.Success)
            {
                connectedOnce = true;
                Serve(mosq);
            }
            else if (!logged)
            {
                _logger.LogWarning("MQTT broker {Host}:{Port} not reachable yet ({Error}); retrying in the background",
                    _options.Host, _options.Port, MosquittoNative.ErrorText(rc));
                logged = true;
            }
            if (!_stopping) Sleep(_backoff.Next());
        }
        if (MosquittoNative.Socket(mosq) >= 0) DisconnectCleanly(mosq);
    }

    /// <summary>Sends DISCONNECT (so the broker does not publish the will) and gives it half a second to leave.</summary>
    private void DisconnectCleanly(nint mosq)
    {
        MosquittoNative.Disconnect(mosq);
        var deadline = Environment.TickCount64 + 500;
        while (MosquittoNative.Socket(mosq) is var socket and >= 0 && MosquittoNative.WantWrite(mosq) && Environment.TickCount64 < deadline)
        {
            var fd = new Libc.PollFd { Fd = socket, Events = Libc.PollOut };
            if (Libc.Poll(&fd, 1, 100) > 0 && MosquittoNative.LoopWrite(mosq, 1) != MosquittoNative.Success) break;
        }
    }

    /// <summary>Waits <paramref name="delay"/>, or less when the client is being disposed.</summary>
    private void Sleep(TimeSpan delay)
    {
        var fd = new Libc.PollFd { Fd = _wake!.Fd, Events = Libc.PollIn };
        var deadline = Environment.TickCount64 + (long)delay.TotalMilliseconds;
        while (!_stopping && Environment.TickCount64 < deadline)
        {
            if (Libc.Poll(&fd, 1, (int)Math.Max(1, deadline - Environment.TickCount64)) > 0) _wake.Drain();
        }
    }

    /// <summary>Runs the link until it drops or the client stops.</summary>
    private void Serve(nint mosq)
    {
        var fds = stackalloc Libc.PollFd[2];
        var nextMisc = Environment.TickCount64 + MiscInterval;
        while (!_stopping)
        {
            var socket = MosquittoNative.Socket(mosq);
            if (socket < 0) return;
            var now = Environment.TickCount64;
            if (now >= nextMisc)
            {
                // Keep-alive: PINGREQ when due, and the link is closed when its PINGRESP is overdue.
                if (MosquittoNative.LoopMisc(mosq) != MosquittoNative.Success) return;
                nextMisc = now + MiscInterval;
            }
            fds[0] = new Libc.PollFd { Fd = socket, Events = (short)(Libc.PollIn | (MosquittoNative.WantWrite(mosq) ? Libc.PollOut : 0)) };
            fds[1] = new Libc.PollFd { Fd = _wake!.Fd, Events = Libc.PollIn };
            // Publishers wake the loop only while it sleeps here; one queued just before the flag was set is seen below.
            Interlocked.Exchange(ref _sleeping, 1);
            var timeout = CanDispatch ? 0 : (int)Math.Max(0, nextMisc - now);
            var ready = Libc.Poll(fds, 2, timeout);
            Volatile.Write(ref _sleeping, 0);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Libc.EINTR) continue;
                _logger.LogError("MQTT network loop: poll failed (errno {Errno})", Marshal.GetLastPInvokeError());
                return;
            }
            if ((fds[1].Revents & Libc.PollIn) != 0) _wake.Drain();
            // Errors and hang-ups are read too: libmosquitto then closes the link and calls back OnDisconnected.
            var readable = (fds[0].Revents & (Libc.PollIn | Libc.PollErr | Libc.PollHup)) != 0;
            if (!ReadAndDispatch(mosq, readable)) return;
            if ((fds[0].Revents & Libc.PollOut) != 0 && MosquittoNative.Socket(mosq) >= 0 && MosquittoNative.LoopWrite(mosq, 1) != MosquittoNative.Success) return;
        }
    }

    /// <summary>
    /// Reads what arrived (PUBACKs), then hands queued publishes to libmosquitto; false when the link dropped. In a
    /// backlog both write: libmosquitto keeps in flight only what the broker's receive maximum allows (20 for a default
    /// mosquitto) and sends one held-back publish from inside each PUBACK it reads. So the socket is corked around both,
    /// and what they write leaves as full segments instead of one segment (and one pass through the broker's receive
    /// path) per publish.
    /// </summary>
    private bool ReadAndDispatch(nint mosq, bool readable)
    {
        var backlog = (readable && _inflight.Count >= TrickleBelow) || (CanDispatch && _outgoing.Count > 1);
        var corked = backlog && Cork(mosq, true);
        try
        {
            if (readable)
            {
                if (MosquittoNative.LoopRead(mosq, 1) != MosquittoNative.Success) return false;
                // Only for a trickle: in a backlog the next publishes carry the ACKs, and quick ACKs would only add packets.
                if (_outgoing.IsEmpty && _inflight.Count < TrickleBelow) AckPromptly(mosq);
            }
            var dispatched = Dispatch(mosq);
            // Armed once the publishes are out, before their PUBACKs come: the kernel then ACKs the first at once, and
            // a broker with Nagle on sends the next without waiting for our thread to read.
            if (dispatched && _inflight.Count < TrickleBelow) AckPromptly(mosq);
            return true;
        }
        finally
        {
            if (corked) Cork(mosq, false);
        }
    }

    private bool CanDispatch => _connected && _inflight.Count < MaxInflight && !_outgoing.IsEmpty;

    /// <summary>
    /// Puts the socket in quick-ACK mode (Linux leaves it after a while, so it is set again after reads). A broker that
    /// runs with Nagle on (mosquitto's default) holds each PUBACK back until its previous one is ACKed; with our ACKs
    /// delayed, the second PUBACK of two publishes made together (a state and its event) came 10–25 ms late.
    /// </summary>
    private static void AckPromptly(nint mosq)
    {
        var socket = MosquittoNative.Socket(mosq);
        var on = 1;
        if (socket >= 0) Libc.SetSockOpt(socket, Libc.IpProtoTcp, Libc.TcpQuickAck, &on, sizeof(int));
    }

    private static bool Cork(nint mosq, bool on)
    {
        var socket = MosquittoNative.Socket(mosq);
        var value = on ? 1 : 0;
        return socket >= 0 && Libc.SetSockOpt(socket, Libc.IpProtoTcp, Libc.TcpCork, &value, sizeof(int)) == 0;
    }

    /// <summary>
    /// Hands queued publishes to libmosquitto, up to the in-flight window. Not being inside a callback nor in
    /// libmosquitto's threaded mode, mosquitto_publish writes the packet to the socket at once (or holds it while the
    /// broker's receive maximum is reached).
    /// </summary>
    private bool Dispatch(nint mosq)
    {
        var dispatched = false;
        while (_connected && _inflight.Count < MaxInflight && _outgoing.TryDequeue(out var message))
        {
            var topic = TopicBytes(message.Topic);
            int mid = 0;
            int rc;
            fixed (byte* topicBytes = topic)
            fixed (byte* payload = message.Payload)
                rc = MosquittoNative.PublishV5(mosq, &mid, topicBytes, message.Payload.Length, payload, 1, message.Retain, 0);
            dispatched = true;
            if (rc is MosquittoNative.Success or MosquittoNative.NoConnection)
            {
                // NoConnection: the link dropped just now; libmosquitto keeps the message and sends it after reconnecting.
                _inflight.Enqueue(message with { Mid = mid });
                continue;
            }
            var refused = message with { Mid = 0, Failure = MqttReasonCode.NotSent + rc };
            // Answered in publish order, after the PUBACKs of what went before it.
            if (_inflight.Count == 0) Complete(refused, refused.Failure);
            else _inflight.Enqueue(refused);
        }
        return dispatched;
    }

    private byte[] TopicBytes(string topic)
    {
        if (_topics.TryGetValue(topic, out var bytes)) return bytes;
        if (_topics.Count >= 4096) _topics.Clear();
        bytes = new byte[Encoding.UTF8.GetByteCount(topic) + 1];
        Encoding.UTF8.GetBytes(topic, bytes);
        return _topics[topic] = bytes;
    }

    private int Connect(MosquittoHandle handle)
    {
        if (_protocol != MosquittoNative.ProtocolV5)
            return MosquittoNative.ConnectBindV5(handle, _options.Host, _options.Port, _options.KeepAliveSeconds, null, 0);
        nint properties = 0;
        try
        {
            // Kept by libmosquitto for its reconnects too.
            Check("session expiry", MosquittoNative.PropertyAddInt32(&properties, MosquittoNative.PropertySessionExpiryInterval, _options.SessionExpirySeconds));
            return MosquittoNative.ConnectBindV5(handle, _options.Host, _options.Port, _options.KeepAliveSeconds, null, properties);
        }
        finally
        {
            MosquittoNative.PropertyFreeAll(&properties);
        }
    }

    /// <summary>
    /// Publishes at QoS 1. While disconnected the message waits in memory and is sent after reconnecting, so a caller
    /// must not publish the same message again. Completes with the PUBACK's reason code; fails with an
    /// <see cref="MqttException"/> when libmosquitto refuses to send it.
    /// </summary>
    public Task<int> PublishAsync(string topic, ReadOnlySpan<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new OutgoingPublish(topic, payload.ToArray(), retain, 0, pending));
        return pending.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes at QoS 1 without a task: <see cref="Acknowledged"/> is called with <paramref name="tag"/> and the
    /// PUBACK's reason code, on the network thread, in the order of the calls to this method. For a stream of messages
    /// this saves a task and a thread-pool hop per message. <paramref name="payload"/> is read later: do not change it.
    /// Same delivery rules as <see cref="PublishAsync"/>.
    /// </summary>
    public void Publish(string topic, byte[] payload, long tag) => Enqueue(new OutgoingPublish(topic, payload, false, tag, null));

    private void Enqueue(OutgoingPublish message)
    {
        if (_handle is null) throw new InvalidOperationException("not started");
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Interlocked.Increment(ref _pending);
        _outgoing.Enqueue(message);
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1) _wake!.Signal();
    }

    /// <summary>Called on the network thread for each PUBACK of <see cref="Publish"/>, in publish order: (tag, reason code). Must not block.</summary>
    public Action<long, int>? Acknowledged { get; set; }

    /// <summary>On the network thread. MQTT acknowledges QoS 1 publishes in order, so the oldest in flight is almost always the one.</summary>
    private void HandlePuback(int mid, int reason)
    {
        if (_inflight.TryPeek(out var oldest) && oldest.Mid == mid)
        {
            Complete(_inflight.Dequeue(), reason);
            while (_inflight.TryPeek(out var next))
            {
                if (next.Mid == 0) Complete(_inflight.Dequeue(), next.Failure);
                else if (_earlyAcks.Count > 0 && _earlyAcks.Remove(next.Mid, out var early)) Complete(_inflight.Dequeue(), early);
                else break;
            }
            return;
        }
        foreach (var message in _inflight)
        {
            if (message.Mid != mid) continue;
            _earlyAcks[mid] = reason;
            return;
        }
    }

    private void Complete(OutgoingPublish message, int reason)
    {
        Interlocked.Decrement(ref _pending);
        if (message.Completion is { } completion)
        {
            if (MqttReasonCode.IsNotSent(reason))
                completion.TrySetException(new MqttException("publish", reason - MqttReasonCode.NotSent, MosquittoNative.ErrorText(reason - MqttReasonCode.NotSent)));
            else
                completion.TrySetResult(reason);
            return;
        }
        Acknowledged?.Invoke(message.Tag, reason);
    }

    /// <summary>Subscribes at QoS 1; false when not connected (subscribe again from <see cref="IMqttClientObserver.OnConnected"/>).</summary>
    public bool Subscribe(string pattern)
    {
        var handle = _handle ?? throw new InvalidOperationException("not started");
        var rc = MosquittoNative.SubscribeV5(handle, null, pattern, 1, 0, 0);
        if (rc == MosquittoNative.NoConnection) return false;
        Check("subscribe", rc);
        return true;
    }

    /// <summary>Disconnects cleanly (no last will), stops the network thread, then frees the client; waits at most 5 s.</summary>
    public void Dispose() => Dispose(TimeSpan.FromSeconds(5));

    /// <summary>
    /// Like <see cref="Dispose()"/>, but gives the network thread at most <paramref name="limit"/>: a connect to an
    /// unreachable host blocks inside libmosquitto until the TCP timeout (minutes). A client whose thread does not end
    /// in time is left to it (not freed, so no callback can reach freed memory); the process is ending anyway.
    /// </summary>
    public void Dispose(TimeSpan limit)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping = true;
        _wake?.Signal();
        var released = _loop?.Join(limit) ?? true;
        _connected = false;
        if (!released)
        {
            _logger.LogWarning("MQTT client for {Host}:{Port} did not stop within {Limit}; left behind (the broker host does not answer)",
                _options.Host, _options.Port, limit);
        }
        else if (_handle is { } handle)
        {
            handle.Dispose();
            _self.Free();
            _wake?.Dispose();
            foreach (var message in _inflight) message.Completion?.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
            _inflight.Clear();
        }
        while (_outgoing.TryDequeue(out var message)) message.Completion?.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
    }

    private static void Check(string operation, int rc)
    {
        if (rc != MosquittoNative.Success) throw new MqttException(operation, rc, MosquittoNative.ErrorText(rc));
    }

    private static MqttClient? From(nint userData) =>
        userData == 0 ? null : GCHandle.FromIntPtr(userData).Target as MqttClient;

    private void HandleConnect(int rc, int flags)
    {
        if (rc == 0)
        {
            _connected = true;
            _backoff.Reset();
            Volatile.Write(ref _refusalLogged, 0);
            _logger.LogInformation("MQTT connected to {Host}:{Port} (MQTT {Version}, session present {SessionPresent})",
                _options.Host, _options.Port, _protocol == MosquittoNative.ProtocolV5 ? "5" : "3.1.1", (flags & 1) != 0);
            _observer.OnConnected((flags & 1) != 0);
            return;
        }
        if (_protocol == MosquittoNative.ProtocolV5 && rc is MosquittoNative.ConnackUnsupportedProtocolV3 or MosquittoNative.ConnackUnsupportedProtocolV5
            && _handle is { } handle)
        {
            // The broker closes the link; the loop reconnects with 3.1.1.
            _protocol = MosquittoNative.ProtocolV311;
            MosquittoNative.IntOption(handle, MosquittoNative.OptionProtocolVersion, _protocol);
            _logger.LogInformation("MQTT broker {Host}:{Port} refused MQTT 5; using 3.1.1", _options.Host, _options.Port);
            return;
        }
        _logger.LogWarning("MQTT broker {Host}:{Port} refused the connection (return code {Code})", _options.Host, _options.Port, rc);
    }

    private void HandleDisconnect(int rc)
    {
        var wasConnected = _connected;
        _connected = false;
        if (wasConnected && rc != 0)
            _logger.LogWarning("MQTT connection to {Host}:{Port} lost ({Code}); reconnecting", _options.Host, _options.Port, rc);
        // Closed before it was accepted (e.g. a TLS handshake the CA file does not vouch for): said once per streak.
        else if (!wasConnected && rc != 0 && Interlocked.Exchange(ref _refusalLogged, 1) == 0)
            _logger.LogWarning("MQTT broker {Host}:{Port} not reachable yet (the link closed before the broker accepted it, code {Code}{Hint}); retrying in the background",
                _options.Host, _options.Port, rc, _options.UseTls ? "; check Gateway:Cloud:CaFile and the broker's certificate" : "");
        _observer.OnDisconnected(rc);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnConnectNative(nint mosq, nint userData, int rc, int flags)
    {
        // Nothing may escape into libmosquitto's thread: an exception here would end the process.
        try
        {
            From(userData)?.HandleConnect(rc, flags);
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDisconnectNative(nint mosq, nint userData, int rc)
    {
        try
        {
            From(userData)?.HandleDisconnect(rc);
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPublishNative(nint mosq, nint userData, int mid, int reasonCode, nint properties)
    {
        try
        {
            From(userData)?.HandlePuback(mid, reasonCode);
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessageNative(nint mosq, nint userData, MosquittoMessage* message)
    {
        try
        {
            if (From(userData) is not { } client || message is null) return;
            // libmosquitto frees the message after this returns: copy everything out now.
            var topic = Marshal.PtrToStringUTF8(message->Topic) ?? "";
            var payload = message->Payload == 0 || message->PayloadLength <= 0
                ? []
                : new ReadOnlySpan<byte>((void*)message->Payload, message->PayloadLength).ToArray();
            client._observer.OnMessage(new MqttMessage(topic, payload, message->Retain != 0));
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    private void LogCallbackFailure(Exception ex)
    {
        try
        {
            _logger.LogError(ex, "MQTT callback failed");
        }
        catch
        {
            // A failing logger must not take the process down either.
        }
    }
}
