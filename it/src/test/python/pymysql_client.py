"""Drives PyMySQL against a running Quiver; prints one JSON line per check for the Java test to assert.

Usage: python3 pymysql_client.py <port> [password]
"""
import json
import sys

import pymysql


def out(name, value):
    print(json.dumps({"name": name, "value": value}), flush=True)


def main():
    port = int(sys.argv[1])
    password = sys.argv[2] if len(sys.argv) > 2 else ""
    connection = pymysql.connect(host="127.0.0.1", port=port, user="root", password=password,
                                 database="test", charset="utf8mb4", max_allowed_packet=64 * 1024 * 1024)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            out("query", cursor.fetchone()[0])
            cursor.execute("SELECT %s, %s", (41, "h\u00e9llo"))
            out("parameters", list(cursor.fetchone()))
            cursor.execute("USE test")
            cursor.execute("SHOW DATABASES")
            out("databases", [row[0] for row in cursor.fetchall()])
            big = "x" * (20 * 1024 * 1024)
            cursor.execute("SELECT %s", (big,))
            out("big", cursor.fetchone()[0] == big)
            try:
                cursor.execute("SELEC 1")
                out("error", None)
            except pymysql.err.MySQLError as error:
                out("error", error.args[0])
        connection.ping(reconnect=False)
        out("ping", True)
    finally:
        connection.close()


if __name__ == "__main__":
    main()
