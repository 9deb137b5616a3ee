// Loads protos/ with @grpc/proto-loader and opens a grpc-js channel to HIERARCHY_ADDRESS.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const protos = path.resolve(__dirname, '..', '..', '..', 'protos');

function load(file) {
  const definition = protoLoader.loadSync(file, { includeDirs: [protos], keepCase: false, longs: String, enums: String, defaults: true });
  return grpc.loadPackageDefinition(definition);
}

const address = process.env.HIERARCHY_ADDRESS || '127.0.0.1:50051';

function deadline(ms) {
  return new Date(Date.now() + ms);
}

module.exports = { grpc, load, address, deadline };
