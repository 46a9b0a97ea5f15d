# Walking the paths: places that cannot be walked.

discover-loop = symbolic link loop: `{ $path }` leads back to `{ $ancestor }`
discover-unreadable = cannot be read: { $reason }
discover-not-a-file = not a regular file (a named pipe, a device or a socket): alinea reads only files, and never waits on one of these
