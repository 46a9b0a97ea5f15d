# Walking the paths: places that cannot be walked.

discover-loop = symbolic link loop: `{ $path }` leads back to `{ $ancestor }`
discover-unreadable = cannot be read: { $reason }
