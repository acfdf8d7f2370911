import React from 'react';
import { render, Text } from 'ink';

render(<Text>roma-dash skeleton</Text>);
