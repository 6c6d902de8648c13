// Tests call the kernel's modules directly, so they do what every Node shell does first:
// say where the build's data files (word vectors, the English-word filter) are.
import { useShippedData } from '../src/fs/shipped-data.js';

useShippedData();
