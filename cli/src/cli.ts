// The zonelint command: see README.md for its reference.
console.error('zonelint: not built yet');
process.exit(2);
