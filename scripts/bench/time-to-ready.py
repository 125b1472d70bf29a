#!/usr/bin/env python3
"""Starts a gatewayd binary several times on one data directory and prints, for each start, how long it took until
GET /apiVersion answered over TLS (polled every 5 ms) and how much CPU the daemon had used by then. The first start
creates the database and the certificate; the others are restarts.

    scripts/bench/time-to-ready.py artifacts/publish/linux-x64/gatewayd [RUNS] [--Gateway:...=... ...]
"""
import os, random, shutil, socket, ssl, subprocess, sys, tempfile, time

binary = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
extra = sys.argv[3:]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as raw:
            with context.wrap_socket(raw) as tls:
                tls.sendall(b"GET /enduser-mobile-web/1/enduserAPI/apiVersion HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n")
                return tls.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


ticks = os.sysconf("SC_CLK_TCK")
data = tempfile.mkdtemp()
try:
    for run in range(runs):
        port = random.randint(30000, 50000)
        started = time.monotonic()
        daemon = subprocess.Popen([binary, f"--Gateway:DataDirectory={data}", f"--Gateway:Api:HttpsPort={port}",
                                   "--Gateway:Api:BindAddress=127.0.0.1"] + extra,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not answers(port):
            if daemon.poll() is not None:
                sys.exit(f"gatewayd exited with {daemon.returncode}")
            time.sleep(0.005)
        wall = time.monotonic() - started
        fields = open(f"/proc/{daemon.pid}/stat").read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / ticks
        print(f"{'first start' if run == 0 else 'restart'}: ready after {wall * 1000:.0f} ms, {cpu * 1000:.0f} ms of CPU")
        daemon.terminate()
        daemon.wait()
finally:
    shutil.rmtree(data)
